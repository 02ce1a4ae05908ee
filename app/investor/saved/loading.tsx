export { ListLoading as default } from "@/components/interests/list-loading";
