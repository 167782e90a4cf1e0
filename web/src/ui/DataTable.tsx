// The one table of the app: antd Table over a list endpoint, with server-side pagination and
// sorting, a filter bar, and an Export button that downloads `<path>/export` with the same
// query. Filters, page and sort live in the URL so that "back" from a detail page returns to
// the same list.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, DatePicker, Form, Input, Select, Space, Table, Tooltip } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import type { Rule } from 'antd/es/form';
import type { SorterResult } from 'antd/es/table/interface';
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { api, download, type Page, type Query } from '../app/api';
import { useI18n } from '../app/i18n';
import { RegionSelect } from './RegionSelect';
import { ProblemAlert, useErrorNotifier } from './ProblemAlert';

export type FilterOption = { value: string; label: string };

export type FilterField =
  | { kind: 'text'; name: string; label: string; placeholder?: string; width?: number; rules?: Rule[] }
  | { kind: 'select'; name: string; label: string; options: FilterOption[]; width?: number }
  | { kind: 'region'; name: string; label: string }
  /** Sends `from` and `to` as YYYY-MM-DD (inclusive). */
  | { kind: 'dateRange'; label: string; fromName?: string; toName?: string };

export type DataTableProps<T> = {
  /** Names the table: its query-key root and `data-testid="table-<id>"`. */
  id: string;
  /** List path under /api/v1; the export is `<path>/export`. */
  path: string;
  columns: TableColumnsType<T>;
  rowKey: (row: T) => string | number;
  filters?: FilterField[];
  /** Parameters sent with every request and export (e.g. the header's regionCode). A filter of the same name wins when set. */
  params?: Query;
  exportable?: boolean;
  /** File name offered for the export when the server sends none. */
  exportName?: string;
  /** Buttons shown right of the filter bar (create, import, …). */
  toolbar?: ReactNode;
  defaultPageSize?: number;
  /** Keep filters, page and sort in the URL (default). Turn off for a second table on a page. */
  urlState?: boolean;
  /** Rearranges the rows before display (e.g. a flat list into a tree). */
  toRows?: (items: T[]) => T[];
  expandable?: TableProps<T>['expandable'];
  onRowClick?: (row: T) => void;
  /** Poll while the function says so (e.g. while an import is running). */
  refetchInterval?: (rows: T[]) => number | false;
};

/** The query key root of a table, for invalidation after a write. */
export function dataTableKey(id: string): readonly unknown[] {
  return ['table', id];
}

const pagingKeys = ['page', 'pageSize', 'sort'];
const noFilters: FilterField[] = [];

function filterNames(filters: FilterField[]): string[] {
  return filters.flatMap((f) => (f.kind === 'dateRange' ? [f.fromName ?? 'from', f.toName ?? 'to'] : [f.name]));
}

/** A response is either `{ items, total }` (server-paged) or a plain array (client-paged). */
function isPage<T>(data: Page<T> | T[] | undefined): data is Page<T> {
  return Boolean(data) && !Array.isArray(data);
}

function useListState(urlState: boolean, names: string[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [local, setLocal] = useState<Record<string, string>>({});
  const state = useMemo(() => {
    if (!urlState) return local;
    const result: Record<string, string> = {};
    for (const name of [...pagingKeys, ...names]) {
      const value = searchParams.get(name);
      if (value !== null && value !== '') result[name] = value;
    }
    return result;
  }, [urlState, local, searchParams, names]);
  const replace = (next: Record<string, string | undefined>) => {
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '') clean[key] = value;
    if (!urlState) {
      setLocal(clean);
      return;
    }
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        for (const key of [...pagingKeys, ...names]) params.delete(key);
        for (const [key, value] of Object.entries(clean)) params.set(key, value);
        return params;
      },
      { replace: true },
    );
  };
  return [state, replace] as const;
}

function FilterBar({
  filters,
  values,
  onSearch,
  testId,
}: {
  filters: FilterField[];
  values: Record<string, string>;
  onSearch: (values: Record<string, string | undefined>) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const initialValues = useMemo(() => {
    const result: Record<string, unknown> = {};
    for (const field of filters) {
      if (field.kind === 'dateRange') {
        const from = values[field.fromName ?? 'from'];
        const to = values[field.toName ?? 'to'];
        result.__range = [from ? dayjs(from) : null, to ? dayjs(to) : null];
      } else {
        result[field.name] = values[field.name];
      }
    }
    return result;
  }, [filters, values]);

  const submit = (formValues: Record<string, unknown>) => {
    const result: Record<string, string | undefined> = {};
    for (const field of filters) {
      if (field.kind === 'dateRange') {
        const range = formValues.__range as [Dayjs | null, Dayjs | null] | null | undefined;
        result[field.fromName ?? 'from'] = range?.[0]?.format('YYYY-MM-DD');
        result[field.toName ?? 'to'] = range?.[1]?.format('YYYY-MM-DD');
      } else {
        const value = formValues[field.name];
        result[field.name] = typeof value === 'string' ? value.trim() || undefined : undefined;
      }
    }
    onSearch(result);
  };

  return (
    <Form
      form={form}
      layout="inline"
      initialValues={initialValues}
      onFinish={submit}
      style={{ rowGap: 12 }}
      data-testid={`${testId}-filters`}
    >
      {filters.map((field) => {
        switch (field.kind) {
          case 'text':
            return (
              <Form.Item key={field.name} name={field.name} label={field.label} rules={field.rules}>
                <Input
                  allowClear
                  placeholder={field.placeholder}
                  style={{ width: field.width ?? 180 }}
                  data-testid={`filter-${field.name}`}
                />
              </Form.Item>
            );
          case 'select':
            return (
              <Form.Item key={field.name} name={field.name} label={field.label}>
                <Select
                  allowClear
                  placeholder={t('all')}
                  options={field.options}
                  style={{ width: field.width ?? 140 }}
                  data-testid={`filter-${field.name}`}
                />
              </Form.Item>
            );
          case 'region':
            return (
              <Form.Item key={field.name} name={field.name} label={field.label}>
                <RegionSelect data-testid={`filter-${field.name}`} style={{ width: 200 }} />
              </Form.Item>
            );
          case 'dateRange':
            return (
              <Form.Item key="__range" name="__range" label={field.label}>
                <DatePicker.RangePicker
                  allowEmpty={[true, true]}
                  placeholder={[t('dateFrom'), t('dateTo')]}
                  data-testid="filter-range"
                />
              </Form.Item>
            );
        }
      })}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testId}-search`}>
            {t('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              const cleared: Record<string, undefined> = {};
              for (const name of filterNames(filters)) cleared[name] = undefined;
              form.setFieldsValue({ ...cleared, __range: undefined });
              onSearch(cleared);
            }}
            data-testid={`${testId}-reset`}
          >
            {t('reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

/** Merges fixed parameters and filters; an empty filter does not erase a fixed parameter. */
function mergeQuery(params: Query | undefined, state: Record<string, string>): Query {
  const query: Query = { ...params };
  for (const [key, value] of Object.entries(state)) if (value !== undefined && value !== '') query[key] = value;
  return query;
}

function columnKey<T>(column: TableColumnsType<T>[number]): string | undefined {
  if (column.key !== undefined) return String(column.key);
  if ('dataIndex' in column && column.dataIndex !== undefined) {
    return Array.isArray(column.dataIndex) ? column.dataIndex.join('.') : String(column.dataIndex);
  }
  return undefined;
}

export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { t } = useI18n();
  const notifyError = useErrorNotifier();
  const filters = props.filters ?? noFilters;
  const names = useMemo(() => filterNames(filters), [filters]);
  const [state, setState] = useListState(props.urlState ?? true, names);
  const [exporting, setExporting] = useState(false);

  const page = Number(state.page ?? 1) || 1;
  const pageSize = Number(state.pageSize ?? props.defaultPageSize ?? 20) || 20;
  const sort = state.sort;
  const filterValues = useMemo(() => {
    const result: Record<string, string> = {};
    for (const name of names) if (state[name]) result[name] = state[name];
    return result;
  }, [state, names]);

  // A new fixed parameter (the header's region) starts the list again from page 1.
  const paramsKey = JSON.stringify(props.params ?? {});
  const previousParams = useRef(paramsKey);
  useEffect(() => {
    if (previousParams.current === paramsKey) return;
    previousParams.current = paramsKey;
    if (page !== 1) setState({ ...filterValues, sort, pageSize: state.pageSize, page: '1' });
    // Only a change of params matters here; page and filters are read as they are now.
  }, [paramsKey]);

  const listQuery = mergeQuery(props.params, { ...filterValues, ...(sort ? { sort } : {}) });
  const pageQuery: Query = { ...listQuery, page, pageSize };

  const query = useQuery({
    queryKey: [...dataTableKey(props.id), props.path, pageQuery],
    queryFn: ({ signal }) => api.get<Page<T> | T[]>(props.path, pageQuery, signal),
    placeholderData: keepPreviousData,
    refetchInterval: props.refetchInterval
      ? (q) => {
          const data = q.state.data;
          const rows = isPage(data) ? data.items : (data ?? []);
          return props.refetchInterval?.(rows) ?? false;
        }
      : undefined,
  });

  const serverPaged = isPage(query.data) || query.data === undefined;
  const items = isPage(query.data) ? query.data.items : (query.data ?? []);
  const rows = props.toRows ? props.toRows(items) : items;
  const total = isPage(query.data) ? query.data.total : rows.length;
  // The server counts up to a cap (10,000) and says when there are more.
  const totalCapped = isPage(query.data) && query.data.totalCapped === true;

  const columns = useMemo(
    () =>
      props.columns.map((column) => {
        if (!column.sorter || column.sorter !== true) return column;
        const key = columnKey(column);
        const order = sort === key ? ('ascend' as const) : sort === `-${key}` ? ('descend' as const) : null;
        return { ...column, sortOrder: order };
      }),
    [props.columns, sort],
  );

  const onChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) => {
    if (!serverPaged) return;
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.column ? columnKey(single.column as TableColumnsType<T>[number]) : undefined;
    const nextSort = key && single?.order ? (single.order === 'descend' ? `-${key}` : key) : undefined;
    const sortChanged = nextSort !== sort;
    setState({
      ...filterValues,
      sort: nextSort,
      page: String(sortChanged ? 1 : (pagination.current ?? 1)),
      pageSize: String(pagination.pageSize ?? pageSize),
    });
  };

  const runExport = async () => {
    setExporting(true);
    try {
      await download(`${props.path}/export`, listQuery, `${props.exportName ?? props.id}.xlsx`);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid={`table-${props.id}`}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', marginBottom: 16 }}>
        {filters.length > 0 ? (
          <FilterBar
            // a new key re-reads the form when the URL changes (back/forward)
            key={JSON.stringify(filterValues)}
            filters={filters}
            values={filterValues}
            onSearch={(values) => setState({ ...values, sort, pageSize: state.pageSize, page: '1' })}
            testId={props.id}
          />
        ) : (
          <span />
        )}
        <Space wrap>
          {props.toolbar}
          {props.exportable && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={runExport} data-testid={`${props.id}-export`}>
              {exporting ? t('exporting') : t('export')}
            </Button>
          )}
          <Tooltip title={t('reload')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void query.refetch()}
              aria-label={t('reload')}
              data-testid={`${props.id}-reload`}
            />
          </Tooltip>
        </Space>
      </div>
      {query.isError && <ProblemAlert error={query.error} />}
      <Table<T>
        size="middle"
        columns={columns}
        dataSource={rows}
        rowKey={props.rowKey}
        loading={query.isPending || (query.isFetching && query.isPlaceholderData)}
        expandable={props.expandable}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        onRow={(row) =>
          ({
            'data-testid': `row-${props.rowKey(row)}`,
            onClick: props.onRowClick ? () => props.onRowClick?.(row) : undefined,
            style: props.onRowClick ? { cursor: 'pointer' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={
          serverPaged
            ? {
                current: page,
                pageSize,
                total,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100, 200],
                showTotal: (count) => (totalCapped ? t('totalCapped', { total: count.toLocaleString() }) : t('total', { total: count })),
              }
            : { defaultPageSize: pageSize, showSizeChanger: true, showTotal: (count) => t('total', { total: count }) }
        }
      />
    </div>
  );
}
