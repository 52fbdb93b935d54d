// One demo customer at a time: name, contact details and ownership, all drawn from a seeded PRNG.
import type { SeedCustomer } from './format';
import { LANDLINE_FORMATS, MOBILE_FORMATS, formatLandline, formatMobile } from './demo-phone';
import { CSR_IDS, KEY_ACCOUNT_AE_IDS, MANAGER_IDS, SALES_REP_IDS, SHARE_TARGETS } from './demo-org';
import * as W from './demo-words';

/** mulberry32: small, fast and good enough for demo data; the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

function personName(d: Dice): { name: string; email: string } {
  if (d.chance(0.7)) {
    const family = d.pick(W.VI_FAMILY);
    const middle = d.pick(W.VI_MIDDLE);
    const given = d.pick(W.VI_GIVEN);
    const local = d.chance(0.5) ? W.slug(`${given} ${family}`) : `${W.slug(given, '')}${W.slug(family, '')}${d.int(70, 99)}`;
    return { name: `${family} ${middle} ${given}`, email: `${local}@${d.pick(W.EMAIL_HOSTS)}` };
  }
  const first = d.pick(W.EN_FIRST);
  const last = d.pick(W.EN_LAST);
  return { name: `${first} ${last}`, email: `${W.slug(`${first} ${last}`)}@${d.pick(W.EMAIL_HOSTS)}` };
}

function companyName(d: Dice): { name: string; email: string } {
  if (d.chance(0.6)) {
    const core = d.pick(W.VI_COMPANY_NAME);
    const trade = d.pick(W.VI_COMPANY_TRADE);
    return { name: `${d.pick(W.VI_COMPANY_FORM)} ${trade} ${core}`, email: `${d.pick(['info', 'lienhe', 'kinhdoanh'])}@${W.slug(core, '')}${W.slug(trade, '')}.vn` };
  }
  const core = `${d.pick(W.EN_COMPANY_FIRST)} ${d.pick(W.EN_COMPANY_LAST)}`;
  return { name: core, email: `${d.pick(['sales', 'contact', 'hello'])}@${W.slug(core, '')}.com` };
}

/** A phone number not in `used` (compared by digits), written in one of the usual formats. */
export function uniquePhone(d: Dice, used: Set<string>): string {
  for (;;) {
    if (d.chance(0.9)) {
      const national = `0${d.pick(W.MOBILE_PREFIXES)}${d.digits(7)}`;
      if (used.has(national)) continue;
      used.add(national);
      return formatMobile(national, d.pick(MOBILE_FORMATS));
    }
    const area = d.pick(W.LANDLINE_AREAS);
    const local = `${d.int(2, 3)}${d.digits(9 - area.length)}`;
    if (used.has(`0${area}${local}`)) continue;
    used.add(`0${area}${local}`);
    return formatLandline(area, local, d.pick(LANDLINE_FORMATS));
  }
}

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 2, 1, 0, 0);

export interface CustomerPlan {
  /** In the edit permission group (AE is a key account person). */
  keyAccount: boolean;
  /** Returned to the pool: no AE. */
  inPool: boolean;
}

export function makeCustomer(d: Dice, index: number, plan: CustomerPlan, usedPhones: Set<string>): SeedCustomer {
  const who = d.chance(0.6) ? personName(d) : companyName(d);
  const created = START + d.int(0, 640) * DAY + d.int(0, 10 * 3600) * 1000;
  const updated = plan.inPool || d.chance(0.4) ? created + d.int(1, 90) * DAY + d.int(0, 3600) * 1000 : created;
  const shares = { departmentIds: [] as string[], roleIds: [] as string[], userIds: [] as string[] };
  if (d.chance(0.07)) {
    for (let n = d.int(1, 2); n > 0; n--) {
      const [kind, id] = d.pick(SHARE_TARGETS);
      if (!shares[kind].includes(id)) shares[kind].push(id);
    }
  }
  const tags = new Set<string>();
  if (plan.keyAccount) tags.add('VIP');
  for (let n = d.int(0, 3); n > 0; n--) tags.add(d.pick(W.TAGS));
  const aeId = plan.inPool ? null : plan.keyAccount ? d.pick(KEY_ACCOUNT_AE_IDS) : d.chance(0.05) ? d.pick(MANAGER_IDS) : d.pick(SALES_REP_IDS);
  return {
    id: `c-${String(index).padStart(5, '0')}`,
    code: `KH${String(index).padStart(6, '0')}`,
    name: who.name,
    email: d.chance(0.06) ? '' : who.email,
    phone: uniquePhone(d, usedPhones),
    source: d.pick(W.SOURCES),
    businessField: d.pick(W.BUSINESS_FIELDS),
    aeId,
    csrId: d.chance(0.35) ? d.pick(CSR_IDS) : null,
    poolId: 'p-main',
    shares,
    tags: [...tags],
    version: updated > created ? d.int(2, 4) : 1,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    deletedAt: null,
  };
}
