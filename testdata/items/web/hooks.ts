// A flag object in a class's method: the method is parsed with the
// class's head and end, not its other members.
export class Banner {
  private count = 0;

  other(): number {
    return this.count;
  }

  first(values: number[]): number[] {
    return values.map((value) => value * 2).filter((value) => value > 0);
  }

  second(): string {
    return "unrelated text in a member that is not parsed";
  }

  third(values: number[]): number {
    return values.reduce((sum, value) => sum + value, 0);
  }

  render() {
    const flags = useFlags();
    return flags.delta;
  }
}
