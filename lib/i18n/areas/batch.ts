// batch strings, English and Vietnamese. Vietnamese must have every English key (tsc checks it).
export const batchEn = {
} as const satisfies Record<string, string>;

export const batchVi: Record<keyof typeof batchEn, string> = {
};
