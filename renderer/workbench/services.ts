import { createContext, useContext } from 'react';
import type { i18n as I18n } from 'i18next';
import type { HostApi } from '../../shared/host/HostApi';
import type { QueryEngine } from '../../shared/engine/QueryEngine';

/** What every part of the workbench may reach: the engine, the host and the translator. */
export interface WorkbenchServices {
  engine: QueryEngine;
  host: HostApi;
  i18n: I18n;
  /** 'web' shows an in-window menu bar; Electron has a native menu. */
  shell: 'web' | 'desktop';
}

export const ServicesContext = createContext<WorkbenchServices | null>(null);

export function useServices(): WorkbenchServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside the workbench');
  return s;
}
