export const en = {
  app: {
    name: 'Fixline',
    tagline: 'Warranty claims for repair centers, at the bench and in the warehouse.',
  },
};

/** Every language must have the same keys as English. */
export type Messages = typeof en;
