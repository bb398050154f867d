/** IPC channel names shared by the preload and the main-process handlers (nothing else crosses). */
export const IPC = {
  openFiles: 'tenure:openFiles',
  readFileRange: 'tenure:readFileRange',
  openRecent: 'tenure:openRecent',
  /** Renderer → main: the folder dialog / a folder opened before (a study's Parquet folder). */
  openFolder: 'tenure:openFolder',
  reopenFolder: 'tenure:reopenFolder',
  recentFiles: 'tenure:recentFiles',
  saveFile: 'tenure:saveFile',
  loadSettings: 'tenure:loadSettings',
  saveSettings: 'tenure:saveSettings',
  saveSession: 'tenure:saveSession',
  loadSession: 'tenure:loadSession',
  /** Renderer → main: write a study over the .tenure file it was opened from or saved to (no dialog). */
  saveStudyTo: 'tenure:saveStudyTo',
  /** Renderer → main: the answer to closeRequest (id, has unsaved changes). */
  closeAnswer: 'tenure:closeAnswer',
  /** Renderer → main: the study was saved after "Save" in the close dialog; close now. */
  closeWindow: 'tenure:closeWindow',
  /** Renderer → main: "I am listening"; returns files opened before that (command line, OS). */
  takePendingFiles: 'tenure:takePendingFiles',
  /** Renderer → main: "give me a port to the engine process" (answered with enginePort). */
  engineConnect: 'tenure:engineConnect',
  /** Main → renderer events. */
  enginePort: 'tenure:enginePort',
  engineExited: 'tenure:engineExited',
  command: 'tenure:command',
  filesOpened: 'tenure:filesOpened',
  /** Main → renderer: the window is closing; answer closeAnswer(id, dirty). */
  closeRequest: 'tenure:closeRequest',
  /** Main → renderer: "Save" was chosen in the close dialog. */
  saveAndClose: 'tenure:saveAndClose',
} as const;

/** Largest single readFileRange over IPC; the renderer host splits bigger reads into chunks. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;
/** Exports (PPTX with images, large CSV) stay well under this. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
export const MAX_SETTINGS_CHARS = 1024 * 1024;
/** A study describes data, never holds it: a few MB at most. */
export const MAX_SESSION_CHARS = 32 * 1024 * 1024;
