export const en = {
  app: {
    name: 'Fixline',
    tagline: 'Warranty claims for repair centers, at the bench and in the warehouse.',
  },
  storage: {
    notPersistent:
      'This browser may delete Fixline’s data when the disk runs low. Export a backup regularly, or use the desktop app, which keeps it.',
  },
};

/** Every language must have the same keys as English. */
export type Messages = typeof en;
