// overlay strings, English and Vietnamese. Vietnamese must have every English key (tsc checks it).
export const overlayEn = {
} as const satisfies Record<string, string>;

export const overlayVi: Record<keyof typeof overlayEn, string> = {
};
