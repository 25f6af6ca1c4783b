import { AlertCircleIcon } from "lucide-react";
import { Alert } from "./alert";

/** The banner a form shows for an error that belongs to no single field; renders nothing without one. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert variant="destructive">
      <AlertCircleIcon aria-hidden />
      <span>{message}</span>
    </Alert>
  );
}
