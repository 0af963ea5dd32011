// Console kit v1 (a contract for plugin pages): a job's progress bar, and following the job until it ends.
export { progressBar, followJob } from '../../jobs.js';
