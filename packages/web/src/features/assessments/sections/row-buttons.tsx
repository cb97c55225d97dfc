import { Button, type ButtonProps } from '@mantine/core';

export function AddRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="light" w="fit-content" onClick={onClick}>
      {label}
    </Button>
  );
}

export function RemoveRowButton({
  label,
  onClick,
  ...props
}: { label: string; onClick: () => void } & ButtonProps) {
  return (
    <Button variant="subtle" color="red" onClick={onClick} {...props}>
      {label}
    </Button>
  );
}
