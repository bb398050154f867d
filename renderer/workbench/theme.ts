import { useEffect, useState } from 'react';
import { useWorkbench } from '../store/workbenchStore';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme in effect: the user's choice, or the OS's when set to follow it (live). */
export function useEffectiveTheme(): 'dark' | 'light' {
  const pref = useWorkbench((s) => s.settings.theme);
  const [osDark, setOsDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const mq = window.matchMedia(DARK_QUERY);
    const onChange = () => setOsDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const theme = pref === 'system' ? (osDark ? 'dark' : 'light') : pref;
  useEffect(() => {
    // On <html> too, so the page background and scrollbars match before React paints.
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
