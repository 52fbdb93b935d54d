// Which parts of the overlay a user wants on the CRM page (the options page's switches): pure, so the
// content script, the options page and their tests read the stored value the same way.

/** A switch of the options page; each turns one or more features of the page on or off. */
export type FeatureSwitch = 'rowMenu' | 'followStars' | 'detailsOnClick' | 'batchBar' | 'deleteFromFile' | 'logTimeline';

/** In the order the options page lists them. */
export const FEATURE_SWITCHES: readonly FeatureSwitch[] = ['rowMenu', 'followStars', 'detailsOnClick', 'logTimeline', 'batchBar', 'deleteFromFile'];

export type FeatureSwitches = Record<FeatureSwitch, boolean>;

export const ALL_ON: FeatureSwitches = {
  rowMenu: true, followStars: true, detailsOnClick: true, batchBar: true, deleteFromFile: true, logTimeline: true,
};

/**
 * A switch that only means something while another is on: delete from a file is a button of the batch bar,
 * so with the bar off it is off too (and the options page shows it so).
 */
export const NEEDS: Partial<Record<FeatureSwitch, FeatureSwitch>> = { deleteFromFile: 'batchBar' };

/**
 * What is on: the stored value (from an older version it may miss a switch added since; nothing stored: all on)
 * over the defaults, with each switch whose prerequisite is off turned off.
 */
export function effectiveSwitches(stored: unknown): FeatureSwitches {
  const result: FeatureSwitches = { ...ALL_ON, ...(stored as Partial<FeatureSwitches> | undefined) };
  for (const [name, needed] of Object.entries(NEEDS) as [FeatureSwitch, FeatureSwitch][]) if (!result[needed]) result[name] = false;
  return result;
}

/** True when every switch a feature needs is on (a feature that names none always runs). */
export function switchedOn(needs: readonly FeatureSwitch[] | undefined, switches: FeatureSwitches): boolean {
  return (needs ?? []).every((name) => switches[name]);
}
