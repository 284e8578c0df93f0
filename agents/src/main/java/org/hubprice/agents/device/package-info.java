/**
 * Device selection: {@link org.hubprice.agents.device.Devices#resolve} turns {@code --device
 * auto|cpu|gpu[:N]} into a DJL {@link ai.djl.Device}, with a clear error when a GPU is
 * demanded but PyTorch sees none, and a logged fallback to the CPU for {@code auto}.
 */
package org.hubprice.agents.device;
