/** "Nothing here" in words (no picture: every byte counts on a worker's first load). */
export function Empty({ description }: { description: string }) {
  return (
    <p className="empty-result" role="status">
      {description}
    </p>
  );
}
