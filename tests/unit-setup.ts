// Before every unit test file: IndexedDB in memory, and English's strings added as the extension's pages
// add them (lib/i18n/index.ts has none built in).
import 'fake-indexeddb/auto';
import { addDictionary } from '../lib/i18n';
import { en } from '../lib/i18n/en';

addDictionary('en', en);
