// sync strings, English and Vietnamese. Vietnamese must have every English key (tsc checks it).
export const syncEn = {
} as const satisfies Record<string, string>;

export const syncVi: Record<keyof typeof syncEn, string> = {
};
