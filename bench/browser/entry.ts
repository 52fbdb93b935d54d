import { importBench } from './import-bench';
import { storeBench } from './store-bench';

(window as unknown as { bench: unknown }).bench = { storeBench, importBench };
document.title = 'bench ready';
