import { Dots } from '@zendeskgarden/react-loaders';
import { useT } from '../../i18n/provider.tsx';

/** While a screen's code or data is on its way. */
export function Loading() {
  const t = useT();
  return (
    <div role="status" aria-label={t('home.loading')}>
      <Dots size={32} aria-hidden />
    </div>
  );
}
