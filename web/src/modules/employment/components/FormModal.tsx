// The shared modal form (web/src/ui/FormModal.tsx).
export { FormModal, type FormModalProps } from '../../../ui/FormModal';
