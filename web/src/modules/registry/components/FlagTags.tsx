import { Space, Tag } from 'antd';
import { useMessages } from '../../../app/i18n';
import { flagKeys, type FlagKey, type PersonFlags } from '../api';
import { registryMessages } from '../messages';

const flagColors: Record<FlagKey, string> = {
  disability: 'purple',
  veteran: 'green',
  zeroEmploymentHousehold: 'orange',
  lowIncomeHousehold: 'gold',
};

export function FlagTags({ flags }: { flags: PersonFlags }) {
  const t = useMessages(registryMessages);
  const set = flagKeys.filter((key) => flags[key]);
  if (set.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {set.map((key) => (
        <Tag key={key} color={flagColors[key]} data-testid={`flag-${key}`}>
          {t(`flag_${key}`)}
        </Tag>
      ))}
    </Space>
  );
}
