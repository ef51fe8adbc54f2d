/** Intake: requests filed into an inbox beside the backlog, and their triage. */
export { requestsMap, requestItemId } from './layout.js';
export {
  REQUEST_SOURCES,
  MAX_REQUEST_DESCRIPTION,
  fileRequest,
  readRequest,
  allRequests,
  inbox,
  awaitsTriage,
  mergedRequests,
  checkRequestFields,
  answerRequest,
  type RequestReply,
  type RequestFields,
  type RequestSnapshot,
  type RequestSource,
  type Triage,
} from './requests.js';
export { acceptRequest, mergeRequest, requestMoreInfo, declineRequest, type AcceptOptions } from './triage.js';
