// Brand and the language switch (中文 / English).
import { useTranslation } from 'react-i18next'
import { call } from '../api'
import { rememberLanguage, type UiLanguage } from '../i18n'
import { LogoMark } from './icons'
// profiles
import { ConnectionsButton } from './ConnectionsButton'

const LANGUAGES: UiLanguage[] = ['zh-TW', 'en']

export function TopBar() {
  const { t, i18n } = useTranslation()
  const current = i18n.language === 'en' ? 'en' : 'zh-TW'

  const choose = (language: UiLanguage) => {
    void i18n.changeLanguage(language)
    rememberLanguage(language)
    void call('app.setLanguage', { language }).catch(() => undefined)
  }

  return (
    <header className="topbar">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">OrderDock</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <ConnectionsButton />
      <div className="lang-switch" role="group" aria-label={t('lang.label')}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            data-testid={`lang-${language}`}
            aria-pressed={current === language}
            className={current === language ? 'is-active' : undefined}
            onClick={() => choose(language)}
          >
            {t(`lang.${language}`)}
          </button>
        ))}
      </div>
    </header>
  )
}
