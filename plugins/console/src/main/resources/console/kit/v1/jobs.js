// Console kit v1 (a contract for plugin pages): a job's progress bar, following the job until it ends, and a file
// uploaded as a job with both.
export { progressBar, followJob, uploadJob } from '../../jobs.js';
