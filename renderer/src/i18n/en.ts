export const en = {
  app: {
    name: 'Fixline',
    tagline: 'Warranty claims for repair centers, at the bench and in the warehouse.',
  },
  backup: {
    title: 'Backup',
    explain:
      'Export saves every claim, record and attachment of this station in one file. Restore puts such a file back on a new or reset station.',
    export: 'Export a backup…',
    restore: 'Restore a backup:',
    working: 'Working…',
    saved: 'Backup saved to {{path}}.',
    canceled: 'No backup was saved.',
    tooLarge:
      'This station’s backup is {{size}} MB, more than the {{limit}} MB one file can hold today. Copy the station’s data folder instead (see the README).',
    saveFailed: 'The backup could not be saved: {{reason}}',
    restored: 'Backup restored. Reload Fixline to see it.',
    refused: {
      'not-a-backup':
        'This file is not a Fixline backup, or it is damaged. Choose the file an export made.',
      'version-mismatch':
        'This backup was made by another version of Fixline. Restore it with the version that made it.',
      'database-not-empty':
        'This station already holds data, and a restore would overwrite it. Restore only on a new or reset station.',
      'storage-full': 'The disk is full: free some space, then restore again. Nothing was changed.',
    },
  },
  storage: {
    notPersistent:
      'This browser may delete Fixline’s data when the disk runs low. Export a backup regularly, or use the desktop app, which keeps it.',
  },
};

/** Every language must have the same keys as English. */
export type Messages = typeof en;
