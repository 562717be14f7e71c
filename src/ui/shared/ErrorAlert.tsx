import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import styled from 'styled-components';
import { useT } from '../../i18n/provider.tsx';
import { errorMessage } from './error-message.ts';

const Actions = styled.div`
  margin-top: ${({ theme }) => theme.space.sm};
`;

/** A failed load: the translated reason and a Retry that runs the load again. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert type="error">
      <Alert.Title>{t('errors.title')}</Alert.Title>
      <Alert.Paragraph>{errorMessage(error, t)}</Alert.Paragraph>
      {onRetry && (
        <Actions>
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        </Actions>
      )}
    </Alert>
  );
}
