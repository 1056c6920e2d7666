/**
 * The public pages' light widgets: a worker's phone loads these instead of Ant Design (the
 * officers' workspaces keep it). Styles: public-ui.css, imported once by main.tsx.
 */
export { Alert } from './Alert';
export { Button } from './Button';
export { Empty } from './Empty';
export { Field, describedBy } from './Field';
export { ProblemMessage } from './ProblemMessage';
export { Tag } from './Tag';
