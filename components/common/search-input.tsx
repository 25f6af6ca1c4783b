"use client";
import { useEffect, useEffectEvent, useState } from "react";
import { SearchIcon, XIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** A text search that updates its filter 300 ms after the user stops typing, and follows outside changes. */
export function SearchInput({
  value,
  onChange,
  placeholder = "Search…",
  label = "Search",
  className,
  id = "f-q",
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  label?: string;
  className?: string;
  id?: string;
}) {
  const [text, setText] = useState(value);
  // The last value that is (or is being put) in the URL: outside changes (Clear filters, back button) win.
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }
  function commit(next: string) {
    setSynced(next);
    onChange(next);
  }
  const commitLater = useEffectEvent((next: string) => commit(next));
  useEffect(() => {
    if (text === synced) return;
    const timer = setTimeout(() => commitLater(text.trim() === "" ? "" : text), 300);
    return () => clearTimeout(timer);
  }, [text, synced]);

  return (
    <div className={cn("relative", className)}>
      <SearchIcon className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        id={id}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(text);
          if (e.key === "Escape" && text) {
            setText("");
            commit("");
          }
        }}
        className="pl-8 pr-8 [&::-webkit-search-cancel-button]:hidden"
      />
      {text ? (
        <button
          type="button"
          className="absolute right-2 top-1/2 -translate-y-1/2 rounded-sm p-0.5 text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          onClick={() => {
            setText("");
            commit("");
          }}
        >
          <XIcon className="size-4" aria-hidden />
          <span className="sr-only">Clear search</span>
        </button>
      ) : null}
    </div>
  );
}
