/**
 * Experience replay in plain Java arrays: {@link org.hubprice.agents.replay.ReplayBuffer}
 * stores transitions as floats in flat arrays that grow on demand up to their capacity, and
 * fills a preallocated {@link org.hubprice.agents.replay.Batch} with a seeded uniform sample,
 * which a learner turns into one native array per update. Keeping replay off the native heap
 * means no native allocation per stored transition and a buffer that serialises with the
 * checkpoint.
 */
package org.hubprice.agents.replay;
