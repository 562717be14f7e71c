import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Field, Radio, Select } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useCallback, useState } from 'react';
import styled from 'styled-components';
import {
  missingChoice,
  presetPlan,
  TRIGGER_PRESETS,
  type TriggerPresetId,
} from '../../domain/after-send/trigger-presets.ts';
import type { SendRun } from '../../domain/send/send-run.ts';
import { createPresetTrigger, findCampaignTriggers } from '../../services/after-send/preset-trigger.ts';
import { isZendeskError, listGroups, type Trigger } from '../../zendesk/index.ts';
import { useT } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-load.ts';
import { Section } from './Section.tsx';
import { actionWords, conditionWords, triggerWords } from './trigger-words.ts';

const Plain = styled.dl`
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: ${({ theme }) => `${theme.space.xxs} ${theme.space.md}`};
  margin: 0;
  dd {
    margin: 0;
  }
  ul {
    margin: 0;
    padding-inline-start: ${({ theme }) => theme.space.md};
  }
`;

/**
 * Flow step 5, admins only (the caller hides it from agents): a trigger for this campaign's
 * replies from a few presets, said in plain words before anything is created.
 */
export function TriggerPanel({ run }: { run: SendRun }) {
  const t = useT();
  const { api, shared } = useEnvironment();
  const tag = run.campaign.tag;
  const load = useCallback(
    () =>
      Promise.all([
        findCampaignTriggers(api, tag),
        shared('assignable-groups', () => listGroups(api, { assignable: true })),
      ]),
    [api, shared, tag],
  );
  const { state, retry } = useLoad(load);
  return (
    <Section title={t('trigger_preset.heading')}>
      <SM>{t('trigger_preset.hint')}</SM>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <PresetForm run={run} existing={state.value[0]} groups={state.value[1]} />}
    </Section>
  );
}

function PresetForm({
  run,
  existing,
  groups,
}: {
  run: SendRun;
  existing: Trigger[];
  groups: ReadonlyArray<{ id: number; name: string }>;
}) {
  const t = useT();
  const { api, followUp, session } = useEnvironment();
  const [preset, setPreset] = useState<TriggerPresetId>('route_replies');
  const [groupId, setGroupId] = useState<number | null>(run.campaign.ticket.groupId ?? groups[0]?.id ?? null);
  const [created, setCreated] = useState<Trigger[]>(existing);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const groupName = (id: number) => groups.find((g) => g.id === id)?.name ?? String(id);
  const plan = presetPlan(preset, run.campaign.tag, { groupId });
  const words = triggerWords(preset, run.campaign, groupId === null ? '' : groupName(groupId), t);
  const already = created.some((c) => c.title === words.title);
  const missing = missingChoice(preset, { groupId });

  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const trigger = await createPresetTrigger(api, plan, words);
      setCreated((list) => [...list, trigger]);
      void followUp().then((f) => f.noteTrigger(run, trigger.id));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {created.length > 0 && (
        <div>
          <MD>{t('trigger_preset.existing_title')}</MD>
          <ul>
            {created.map((trigger) => (
              <li key={trigger.id}>
                {session.context.subdomain ? (
                  <Anchor
                    isExternal
                    externalIconLabel={t('preview.opens_new_tab')}
                    href={`https://${session.context.subdomain}.zendesk.com/admin/objects-rules/rules/triggers/${trigger.id}`}
                    target="_blank"
                  >
                    {trigger.title}
                  </Anchor>
                ) : (
                  trigger.title
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('trigger_preset.choose')}</legend>
        {TRIGGER_PRESETS.map((id) => (
          <Field key={id}>
            <Radio name="trigger-preset" checked={preset === id} onChange={() => setPreset(id)}>
              <Field.Label>{t(`trigger_preset.${id}.label`)}</Field.Label>
            </Radio>
          </Field>
        ))}
      </fieldset>
      {preset === 'route_replies' && (
        <Field>
          <Field.Label>{t('trigger_preset.group_label')}</Field.Label>
          <Select
            value={groupId === null ? '' : String(groupId)}
            onChange={(e) => setGroupId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('trigger_preset.group_choose')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Plain aria-label={t('trigger_preset.plain_label')}>
        <dt>{t('trigger_preset.when')}</dt>
        <dd>
          <ul>
            {plan.conditions.map((c) => (
              <li key={c.kind}>{conditionWords(c, t, groupName)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('trigger_preset.then')}</dt>
        <dd>
          <ul>
            {plan.actions.map((a) => (
              <li key={a.kind}>{actionWords(a, t, groupName)}</li>
            ))}
          </ul>
        </dd>
      </Plain>
      <SM>{t('trigger_preset.named', { title: words.title })}</SM>
      <div>
        <Button disabled={busy || already || missing !== null} onClick={() => void create()}>
          {t(busy ? 'trigger_preset.creating' : already ? 'trigger_preset.already' : 'trigger_preset.create')}
        </Button>
      </div>
      {failure !== null &&
        (isZendeskError(failure) && failure.kind === 'permission' ? (
          <Alert type="error">
            <Alert.Title>{t('trigger_preset.forbidden_title')}</Alert.Title>
            <Alert.Paragraph>{t('trigger_preset.forbidden')}</Alert.Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={failure} onRetry={() => void create()} />
        ))}
    </>
  );
}
