/** How fast training runs: full speed or a fixed number of optimizer steps per second. */
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { appStore, useApp } from '../store/app-store';
import { SPEEDS } from '../store/run-slice';

export function SpeedSelect() {
  const { t } = useTranslation();
  const speed = useApp((s) => s.speed);
  const options: number[] = (SPEEDS as readonly number[]).includes(speed) ? [...SPEEDS] : [...SPEEDS, speed];
  return (
    <label className="speed-select">
      <span className="speed-label">{t('speed.label')}</span>
      <select aria-label={CONTROL_NAMES.speed} value={speed} onChange={(e) => appStore.getState().setSpeed(Number(e.target.value))}>
        {options.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? t('speed.full') : s === 1 ? t('speed.one') : t('speed.perSecond', { count: s })}
          </option>
        ))}
      </select>
    </label>
  );
}
