export async function sync(command) {
  return this.getFeatureFlag.execute(
    GetFeatureFlagCommand.create({
      key: FeatureFlagsKeysEnum.SERVER_FLAG,
      environmentId: command.environmentId,
    }),
  );
}

export async function validate(command) {
  // The command object held in a local first.
  const featureFlagCommand = {
    environmentId: command.environmentId,
    key: FeatureFlagsKeysEnum.SERVER_FLAG,
  };
  return this.getFeatureFlag.execute(GetFeatureFlagCommand.create(featureFlagCommand));
}
