export async function sync(command) {
  return this.getFeatureFlag.execute(
    GetFeatureFlagCommand.create({
      key: FeatureFlagsKeysEnum.SERVER_FLAG,
      environmentId: command.environmentId,
    }),
  );
}
