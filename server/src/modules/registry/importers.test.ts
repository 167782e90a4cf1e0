// Rule: the persons import writes each row as the COPY csv line that the generic path
// (personRowValues, then csvField per value) would give — quoting where a value needs it,
// NULL (an empty field) where there is no value — so the fast line builder stores the same.
import { describe, expect, it } from 'vitest';
import { fieldCrypto, newKeyRing } from '../../platform/crypto';
import { csvField } from '../../platform/imports/parse';
import { makeResidentId } from '../../platform/validate';
import { personCopyLine, personRowValues, sealPersonIdentifiers, type PersonImportRow } from './importers';

describe('persons import COPY line', () => {
  it('equals personRowValues → csvField → join for names and household numbers that need quoting, with and without a phone', () => {
    const platform = { crypto: fieldCrypto(newKeyRing()) };
    const cases: [string, string | null, string | null, number | null][] = [
      ['张三', null, '13800138000', 7],
      ['O\'Neil, "Jr"', 'H,1"2', null, null],
      ['李四', '', '13912345678', 12],
      ['王\n五', 'HH-001', null, 3],
    ];
    cases.forEach(([name, householdId, phone, createdBy], i) => {
      const id = makeResidentId('469021', `1980-01-1${i}`, 10 + i);
      const r: PersonImportRow = {
        ...sealPersonIdentifiers(platform, id, phone),
        name,
        gender: i % 2 ? 'F' : 'M',
        birthDate: `1980-01-1${i}`,
        hukouType: i % 2 ? 'rural' : 'urban',
        regionCode: '469021100',
        householdId,
        disability: i === 1,
        veteran: false,
        zeroEmploymentHousehold: i === 2,
        lowIncomeHousehold: true,
      };
      expect(personCopyLine(r, createdBy)).toBe(personRowValues(r, createdBy).map(csvField).join(','));
    });
  });
});
