import { language } from '../settings';
import { currentLanguage, resolveLanguage } from './index';

/** Keeps currentLanguage in step with the language setting until `signal` aborts. */
export async function followLanguageSetting(signal: AbortSignal): Promise<void> {
  const unwatch = language.watch((value) => {
    currentLanguage.value = resolveLanguage(value);
  });
  signal.addEventListener('abort', unwatch, { once: true });
  currentLanguage.value = resolveLanguage(await language.getValue());
}
