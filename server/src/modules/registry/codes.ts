// Reference codes for employers.

// GB/T 4754-2017 国民经济行业分类: sections (门类).
export const industries = [
  ['A', '农、林、牧、渔业'],
  ['B', '采矿业'],
  ['C', '制造业'],
  ['D', '电力、热力、燃气及水生产和供应业'],
  ['E', '建筑业'],
  ['F', '批发和零售业'],
  ['G', '交通运输、仓储和邮政业'],
  ['H', '住宿和餐饮业'],
  ['I', '信息传输、软件和信息技术服务业'],
  ['J', '金融业'],
  ['K', '房地产业'],
  ['L', '租赁和商务服务业'],
  ['M', '科学研究和技术服务业'],
  ['N', '水利、环境和公共设施管理业'],
  ['O', '居民服务、修理和其他服务业'],
  ['P', '教育'],
  ['Q', '卫生和社会工作'],
  ['R', '文化、体育和娱乐业'],
  ['S', '公共管理、社会保障和社会组织'],
  ['T', '国际组织'],
].map(([code, name]) => ({ code, name }));

// Ownership (登记注册类型, simplified to the groups statistics report by).
export const ownerships = [
  ['state', '国有企业'],
  ['collective', '集体企业'],
  ['private', '私营企业'],
  ['limited', '有限责任公司'],
  ['joint_stock', '股份有限公司'],
  ['hmt', '港澳台商投资企业'],
  ['foreign', '外商投资企业'],
  ['individual', '个体工商户'],
  ['public_institution', '事业单位'],
  ['government', '机关'],
  ['social_org', '社会组织'],
  ['other', '其他'],
].map(([code, name]) => ({ code, name }));

// 统计上大中小微型企业划分办法 (2017).
export const sizes = [
  ['large', '大型'],
  ['medium', '中型'],
  ['small', '小型'],
  ['micro', '微型'],
].map(([code, name]) => ({ code, name }));

const byCode = (list: { code: string; name: string }[]) => new Map(list.map((x) => [x.code, x.name]));
export const industryName = byCode(industries);
export const ownershipName = byCode(ownerships);
export const sizeName = byCode(sizes);

/** Accepts a code or its Chinese name (imports from spreadsheets use names). */
export function resolveCode(list: { code: string; name: string }[], input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  const hit = list.find((x) => x.code.toLowerCase() === s.toLowerCase() || x.name === s);
  return hit ? hit.code : null;
}
