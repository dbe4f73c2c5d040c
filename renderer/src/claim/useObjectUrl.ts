import { useEffect, useState } from 'react';

/**
 * An object URL for `blob` while the component shows it; revoked when the blob changes or the
 * component unmounts, so a closed viewer does not keep a video's bytes alive.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [made, setMade] = useState<{ blob: Blob; url: string }>();
  useEffect(() => {
    if (blob === undefined) return undefined;
    const url = URL.createObjectURL(blob);
    let current = true;
    // Published after the effect, as an external system's answer would be.
    void Promise.resolve().then(() => {
      if (current) setMade({ blob, url });
    });
    return () => {
      current = false;
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return made !== undefined && made.blob === blob ? made.url : undefined;
}
