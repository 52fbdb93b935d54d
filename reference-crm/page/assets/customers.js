// The customer page's own script: plain JavaScript, no framework.
import { mountCustomerTable } from './customer-table.js';

mountCustomerTable(document, window);
