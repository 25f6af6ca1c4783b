"use client";
// The edit and delete buttons at the end of an MSP360 table row, named after the row for screen readers.
import { PencilIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TableCell } from "@/components/ui/table";

export function RowActions({ label, onEdit, onDelete }: { label: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <TableCell className="text-right whitespace-nowrap">
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${label}`}>
        <PencilIcon aria-hidden />
      </Button>
      <Button size="sm" variant="ghost" className="text-destructive" onClick={onDelete} aria-label={`Delete ${label}`}>
        <Trash2Icon aria-hidden />
      </Button>
    </TableCell>
  );
}
