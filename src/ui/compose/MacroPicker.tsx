import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import { applyMacro } from '../../domain/compose/from-macro.ts';
import type { TicketDraft } from '../../domain/campaign/draft.ts';
import type { ComposeWorkspace } from '../../services/compose/compose-workspace.ts';
import { applyMacro as macroChanges } from '../../zendesk/index.ts';
import { useT } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

/** Start from one of the agent's active macros: what it sets fills the ticket, and is said so. */
export function MacroPicker({
  ticket,
  workspace,
  onChange,
}: {
  ticket: TicketDraft;
  workspace: ComposeWorkspace;
  onChange: (ticket: TicketDraft) => void;
}) {
  const t = useT();
  const { api } = useEnvironment();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const macro = workspace.macros.find((m) => String(m.id) === chosen);

  const apply = async () => {
    if (!macro) return;
    setBusy(true);
    setError(null);
    try {
      const result = await macroChanges(api, macro.id);
      onChange(applyMacro(ticket, macro, result));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Field>
        <Field.Label>{t('compose.macro_label')}</Field.Label>
        <Field.Hint>{t('compose.macro_hint')}</Field.Hint>
        <Select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('compose.macro_choose')}</option>
          {workspace.macros.map((m) => (
            <option key={m.id} value={m.id}>
              {m.restriction ? t('compose.macro_personal', { title: m.title }) : m.title}
            </option>
          ))}
        </Select>
      </Field>
      <Button size="small" style={{ marginTop: 8 }} disabled={!macro || busy} onClick={() => void apply()}>
        {t('compose.macro_apply')}
      </Button>
      {error !== null && <ErrorAlert error={error} />}
      {ticket.macro && (
        <SM role="status" style={{ marginTop: 8 }}>
          {t('compose.macro_filled', {
            title: ticket.macro.title,
            parts:
              ticket.macro.filled.map((p) => t(`compose.macro_part.${p}`)).join(', ') || t('compose.macro_nothing'),
          })}
        </SM>
      )}
    </>
  );
}
