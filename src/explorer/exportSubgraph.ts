/**
 * "Export subgraph": what is drawn (the centre's neighbourhood with every expansion, less what was collapsed), in
 * a format of `newsgraph export`, evidence included. The ids go in a POST form body to `/export/FORMAT` (a view
 * of 2,000 entities does not fit in a URL); the answer comes back as a blob and is saved through a link.
 */

/** Ids the server takes in one export (MAX_EXPORT_IDS in src/api/http/exportRoute.ts). */
export const MAX_EXPORT_IDS = 2_000;

/** The file name of a Content-Disposition header, or `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/** Downloads the subgraph of `ids` in `format`; throws with the server's message when it refuses. */
export async function downloadSubgraph(format: string, ids: readonly string[]): Promise<void> {
  const response = await fetch(`/export/${encodeURIComponent(format)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ids: ids.slice(0, MAX_EXPORT_IDS).join(',') }).toString(),
  });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? text;
    } catch {
      // not JSON: the text as it is
    }
    throw new Error(`export failed (${response.status}): ${message}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), `newsgraph.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; revoke a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
