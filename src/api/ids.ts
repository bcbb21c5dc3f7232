/** How the API writes names: a member's id, a vocabulary token, an id relative to the id base. */

/** A member's id: the last segment of its IRI (the shapes' pattern for ig:imageId and the like). */
export const memberId = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;
/** A term of a controlled vocabulary, or an ig: class, by its local name. */
export const localToken = /^[A-Za-z0-9._~-]+$/;
/** Another resource by its IRI relative to the id base: kind/id, e.g. customer/143. */
export const relativeId = /^[a-z0-9-]+\/[A-Za-z0-9._~-]+$/;
