// JSX text is neither code nor strings: the quote in "Don't" opens nothing.
export function Page({ items }: { items: string[] }) {
  const shift = 1 << 2;
  return (
    <>
      <p className="id">Don't // stop, "new-ui" is text here</p>
      <Banner title='new-ui' {...items} label={"id"} />
      <ul
        // a comment between attributes
        data-key="new-ui"
      >
        {items.map((item) => (
          <li key={item}>{item === "id" ? <b>"id"</b> : "new-ui"}</li>
        ))}
      </ul>
      <svg:path d="M0 0" icon=<Icon name="id" /> />
    </>
  );
}
