// A match score explained: the formula, each factor's points and what would raise the match.
import { Descriptions, List, Progress, Space, Tag, Typography } from 'antd';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import type { Scored } from '../api';
import { useFormula } from '../api';
import { employmentMessages } from '../messages';

export function ScoreTag({ score }: { score: number }) {
  const color = score >= 80 ? 'green' : score >= 60 ? 'blue' : score >= 40 ? 'orange' : 'default';
  return <Tag color={color} data-testid="match-score">{score.toFixed(1)}</Tag>;
}

export function MatchReasons({ match }: { match: Scored }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} title={t('reasons')} bordered>
        {match.reasons.map((r) => (
          <Descriptions.Item key={r.factor} label={`${t(`factor_${r.factor}` as 'factor_skills')} × ${r.weight}`}>
            <Space>
              <Progress percent={Math.round(r.value * 100)} size="small" style={{ width: 120 }} />
              <Typography.Text strong>{r.points}</Typography.Text>
              <Typography.Text>{pick(r, lang)}</Typography.Text>
            </Space>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {match.improve.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('improve')}</Typography.Text>}
          dataSource={match.improve}
          renderItem={(i) => (
            <List.Item>
              <Tag color="green">{t('gain', { points: i.gain })}</Tag> {pick(i, lang)}
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

/** The documented formula, shown beside every list of matches. */
export function FormulaNote() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const f = useFormula();
  if (!f.data) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="match-formula">
      <Typography.Text strong>{t('formula')}：</Typography.Text>
      {pick(f.data, lang)}
    </Typography.Paragraph>
  );
}
