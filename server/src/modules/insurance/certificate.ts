// 参保缴费凭证 (contribution certificate): what a person has contributed, per type, as a Word
// document — issued when someone leaves (the first step of a transfer, 国办发〔2009〕66号) or
// asks for proof of insurance. The verification code is an HMAC-SM3 over the certificate's
// figures with the platform key, so a copy can be checked against the ledger later.
import type { FastifyReply } from 'fastify';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { personInScope, type Ctx } from './access';
import { todayIso } from './calendar';
import { isContributedMonth, personMonthsSystem, summarise } from './ledger';
import { insuranceTypeLabels, type InsuranceType } from './types';

export type CertificateData = {
  personName: string;
  idNumberMasked: string;
  issuedOn: string;
  lines: { insuranceType: InsuranceType; typeName: string; firstMonth: string | null; lastPaidMonth: string | null; contributionMonths: number; accountFen: number; arrearsFen: number; years: { year: number; months: number; baseFen: number }[] }[];
  verificationCode: string;
};

export async function certificateData(ctx: Ctx, personId: number, issuedOn = todayIso()): Promise<CertificateData> {
  const p = await personInScope(ctx, personId);
  const months = await personMonthsSystem(ctx, personId);
  const lines = summarise(months).map((s) => {
    const byYear = new Map<number, { months: number; baseFen: number }>();
    for (const m of months.filter((x) => x.insuranceType === s.insuranceType && isContributedMonth(x))) {
      const y = Number(m.feeMonth.slice(0, 4));
      const cur = byYear.get(y) ?? { months: 0, baseFen: 0 };
      cur.months += m.periodMonths;
      cur.baseFen += m.baseFen;
      byYear.set(y, cur);
    }
    return {
      insuranceType: s.insuranceType,
      typeName: insuranceTypeLabels[s.insuranceType].zh,
      firstMonth: s.firstMonth,
      lastPaidMonth: s.lastPaidMonth,
      contributionMonths: s.contributionMonths,
      accountFen: s.accountFen,
      arrearsFen: s.arrearsFen,
      years: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ year, ...v })),
    };
  });
  const digest = JSON.stringify({ personId, issuedOn, lines: lines.map((l) => [l.insuranceType, l.contributionMonths, l.accountFen, l.arrearsFen]) });
  return { personName: p.name, idNumberMasked: p.idMasked, issuedOn, lines, verificationCode: ctx.platform.crypto.blindIndex(digest).slice(0, 16).toUpperCase() };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

export async function certificateDocx(d: CertificateData): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun('社会保险参保缴费凭证')] }),
    new Paragraph({ children: [new TextRun(`姓名：${d.personName}    身份证号：${d.idNumberMasked}    出具日期：${d.issuedOn}`)] }),
  ];
  for (const l of d.lines) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(l.typeName)] }));
    children.push(
      new Paragraph({
        children: [
          new TextRun(`首次缴费：${l.firstMonth?.slice(0, 7) ?? '—'}；最近足额缴费：${l.lastPaidMonth?.slice(0, 7) ?? '—'}；累计缴费月数：${l.contributionMonths}；个人账户（不含利息）：${yuan(l.accountFen)} 元；欠费：${yuan(l.arrearsFen)} 元`),
        ],
      }),
    );
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ children: [cell('年度', true), cell('缴费月数', true), cell('缴费工资（元）', true)] }),
          ...l.years.map((y) => new TableRow({ children: [cell(String(y.year)), cell(String(y.months)), cell(yuan(y.baseFen))] })),
        ],
      }),
    );
  }
  if (d.lines.length === 0) children.push(new Paragraph({ children: [new TextRun('无参保缴费记录。')] }));
  children.push(new Paragraph({ children: [new TextRun(`核验码：${d.verificationCode}（本凭证根据缴费台账生成，可凭核验码向经办机构核验）`)] }));
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Sends the certificate as a Word download named with its date. */
export async function sendCertificate(reply: FastifyReply, d: CertificateData): Promise<FastifyReply> {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`参保缴费凭证-${d.issuedOn}.docx`)}`)
    .send(await certificateDocx(d));
}
