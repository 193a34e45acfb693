import { createFetch } from "@whatwg-node/fetch";
import type { YogaServerOptions } from "graphql-yoga";
import { MAX_ATTACHMENT_BYTES } from "@citypeer/domain/attachments";

/**
 * HTTP limits for createYoga, so an oversized upload is refused with 413 before any resolver runs (Yoga 5.24's
 * `multipart` option is only a switch). The body cap leaves 1 MiB above the largest file for the operations
 * field and the multipart framing; each file is capped at exactly MAX_ATTACHMENT_BYTES, one file per request.
 */
export const yogaUploadOptions = {
  maxRequestBodySize: MAX_ATTACHMENT_BYTES + 1024 * 1024,
  fetchAPI: createFetch({ formDataLimits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fieldSize: 1024 * 1024 } }),
} satisfies Partial<YogaServerOptions<object, object>>;
