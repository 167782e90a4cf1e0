// Home: who I am, where I work, what I may do, and shortcuts to the pages I may open.
import { Link } from 'react-router';
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useAuth, useMe } from '../auth';
import { useI18n, type ShellKey } from '../i18n';
import { menuGroups } from '../menu';

export default function HomePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const shortcuts = menuGroups.flatMap((group) => group.entries).filter((entry) => can(entry.permission));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('welcome', { name: me.displayName || me.username })}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'org', label: t('myOrg'), children: me.orgName ?? '—' },
            { key: 'region', label: t('myRegion'), children: `${me.regionName} (${me.regionCode})` },
            {
              key: 'roles',
              label: t('myRoles'),
              children: (
                <Space size={[4, 4]} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role.key} color="blue">
                      {role.name}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'scope', label: t('myScope'), children: t(`scope_${me.scope.kind}` as ShellKey) },
          ]}
        />
      </Card>
      <Card title={t('shortcuts')}>
        {shortcuts.length === 0 ? (
          <Empty description={t('noShortcuts')} />
        ) : (
          <Row gutter={[16, 16]}>
            {shortcuts.map((entry) => (
              <Col key={entry.key} xs={12} md={8} lg={6} xl={4}>
                <Link to={entry.path} data-testid={`shortcut-${entry.key}`}>
                  <Card hoverable style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 28, color: '#1560bd' }}>{entry.icon}</div>
                    <div style={{ marginTop: 8 }}>{typeof entry.label === 'string' ? t(entry.label) : entry.label[lang]}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
