// A command object built in a statement before the call that reads its
// `key` field: the statement must be parsed with the call's, and whole.
export class Usecase {
  first(values: number[]) {
    return values.map((value) => value * 2).filter((value) => value > 0);
  }

  second(values: number[]) {
    return values.reduce((sum, value) => sum + value, 0);
  }

  third(values: number[]) {
    return values.some((value) => value > 10) ? "large" : "small";
  }

  helper1(values: number[]) {
    return values.map((value) => value + 1).filter((value) => value % 2 === 0);
  }

  helper2(values: number[]) {
    return values.map((value) => value + 2).filter((value) => value % 2 === 0);
  }

  helper3(values: number[]) {
    return values.map((value) => value + 3).filter((value) => value % 2 === 0);
  }

  helper4(values: number[]) {
    return values.map((value) => value + 4).filter((value) => value % 2 === 0);
  }

  async validate(environmentId: string) {
    const command = {
      userId: "system",
      environmentId,
      key: "nu",
    };
    const enabled = await this.execute(
      Command.create(command),
    );
    return enabled;
  }
}
