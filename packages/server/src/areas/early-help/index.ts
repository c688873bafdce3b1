/** Early help: episodes, step-down and step-up (the front door and closures call these inside their own steps). */
export { earlyHelpFromClosure, earlyHelpFromContact, linkContactToEarlyHelp, stepUpToSocialCare } from './episodes.ts';
export { earlyHelpRoutes } from './routes.ts';
export { earlyHelpLinksOfContacts } from './views.ts';
