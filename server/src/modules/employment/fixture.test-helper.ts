// Test fixtures for the employment module: people and employers created through the registry API.
import { expect } from 'vitest';
import { makeResidentId, makeUscc } from '../../platform/validate';
import type { Agent } from '../../../test/app';

let seq = 100;

export type PersonOpts = { region?: string; hukouType?: 'urban' | 'rural'; householdId?: string | null; birthDate?: string; female?: boolean; flags?: Partial<{ disability: boolean; veteran: boolean; zeroEmploymentHousehold: boolean; lowIncomeHousehold: boolean }> };

/** Creates a person; returns its id. Sequence numbers are odd for men and even for women (GB 11643). */
export async function person(a: Agent, name: string, o: PersonOpts = {}): Promise<number> {
  return (await personWithId(a, name, o)).id;
}

export async function personWithId(a: Agent, name: string, o: PersonOpts = {}): Promise<{ id: number; idNumber: string }> {
  const region = o.region ?? '469021100';
  seq += 2;
  const s = o.female ? seq : seq + 1;
  const idNumber = makeResidentId(region.slice(0, 6), o.birthDate ?? '1990-05-05', s);
  const res = await a.post('/api/v1/registry/persons', {
    idNumber,
    name,
    hukouType: o.hukouType ?? 'urban',
    regionCode: region,
    householdId: o.householdId ?? null,
    flags: o.flags ?? {},
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, idNumber };
}

let useq = 10;
export async function employer(a: Agent, name: string, region = '469021100', industry = 'C'): Promise<number> {
  return (await employerWithUscc(a, name, region, industry)).id;
}

export async function employerWithUscc(a: Agent, name: string, region = '469021100', industry = 'C'): Promise<{ id: number; uscc: string }> {
  useq++;
  const uscc = makeUscc(`91${region.slice(0, 6)}MA5T${String(useq).padStart(5, '0')}`);
  const res = await a.post('/api/v1/registry/employers', { uscc, name, industry, ownership: 'private', size: 'small', regionCode: region });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, uscc };
}

/** Uploads a CSV through the import pipeline and waits for the job to finish. */
export async function importCsv(a: Agent, kind: string, csv: string, mode: 'all' | 'good-rows' = 'all') {
  const boundary = '----renshe' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${kind}.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(csv, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await a.raw({ method: 'POST', url: `/api/v1/imports/${kind}`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  for (let i = 0; i < 600; i++) {
    const j = (await a.get(`/api/v1/imports/jobs/${id}`)).json();
    if (j.status === 'succeeded' || j.status === 'failed') return j as { status: string; inserted: number; duplicates: number; errorCount: number; message: { zh: string; en: string } | null };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

export const daysAgo = (n: number): string => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
