import { Alert } from '@zendeskgarden/react-notifications';
import { useT } from '../../i18n/provider.tsx';
import { useEnvironment } from '../environment.tsx';
import { useCampaign } from '../store/campaign-store.ts';

/** Said once when a stored draft could not be read back in full, and when the browser would not keep it. */
export function RestoreNotice() {
  const t = useT();
  const { store } = useEnvironment();
  const problems = useCampaign(store, (s) => s.restoreProblems);
  const saved = useCampaign(store, (s) => s.saved);
  const because = useCampaign(store, (s) => s.notSavedBecause);
  const restoring = useCampaign(store, (s) => s.restoring);
  const dismiss = useCampaign(store, (s) => s.dismissRestoreProblems);
  return (
    <>
      {problems.length > 0 && (
        <Alert type="warning" style={{ marginBottom: 16 }}>
          <Alert.Title>{t('draft.restore_title')}</Alert.Title>
          <Alert.Paragraph>
            {problems.includes('all')
              ? t('draft.restore_all')
              : t('draft.restore_part', { parts: problems.map((p) => t(`draft.part_${p}`)).join(', ') })}
          </Alert.Paragraph>
          <Alert.Close aria-label={t('draft.dismiss')} onClick={dismiss} />
        </Alert>
      )}
      {restoring && (
        <p role="status" style={{ marginBottom: 16 }}>
          {t('draft.restoring')}
        </p>
      )}
      {!saved && (
        <Alert type="warning" style={{ marginBottom: 16 }}>
          <Alert.Title>{t('draft.not_saved_title')}</Alert.Title>
          <Alert.Paragraph>{t(`draft.not_saved.${because ?? 'browser'}`)}</Alert.Paragraph>
        </Alert>
      )}
    </>
  );
}
