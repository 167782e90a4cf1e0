// A person or an employer from the registry, searched by name within the caller's scope — the
// one picker every module's forms use.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../app/api';
import { useI18n } from '../app/i18n';

type Option = { value: number; label: string };
type PickerProps = { value?: number | null; onChange?: (v: number | undefined) => void; id?: string; testId?: string };

function useRegistrySearch<T>(key: 'person' | 'employer', path: string, q: string, toOption: (row: T) => Option) {
  return useQuery({
    queryKey: ['registry', 'pick', key, q],
    queryFn: async ({ signal }) => (await api.get<Page<T>>(path, { q, pageSize: 20 }, signal)).items.map(toOption),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
}

function Picker({ value, onChange, id, testId, placeholder, options, loading, onSearch }: PickerProps & { placeholder: string; options: Option[]; loading: boolean; onSearch: (q: string) => void }) {
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      placeholder={placeholder}
      allowClear
      data-testid={testId}
    />
  );
}

export function PersonPicker({ testId = 'person-picker', ...props }: PickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useRegistrySearch<{ id: number; name: string; idNumberMasked: string; regionName: string | null }>('person', '/registry/persons', q, (p) => ({ value: p.id, label: `${p.name}（${p.idNumberMasked}，${p.regionName ?? ''}）` }));
  return <Picker {...props} testId={testId} placeholder={t('personPick')} options={found.data ?? []} loading={found.isFetching} onSearch={setQ} />;
}

export function EmployerPicker({ testId = 'employer-picker', ...props }: PickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useRegistrySearch<{ id: number; name: string; regionName: string | null }>('employer', '/registry/employers', q, (e) => ({ value: e.id, label: `${e.name}（${e.regionName ?? ''}）` }));
  return <Picker {...props} testId={testId} placeholder={t('employerPick')} options={found.data ?? []} loading={found.isFetching} onSearch={setQ} />;
}
